// The board page's texts.
export default {
  en: {
    'board.title': 'FlashSale · Operations board',
    'board.heading': 'Operations board',
    'board.operatorId': 'Operator id',
    'board.dashboard': 'Orleans dashboard',
    'board.active': 'Active campaigns',
    'board.none': 'No campaign is open or scheduled.',
    'board.alerts': 'Alerts',
    'board.alertsHint': 'Sign in as marketing or admin to receive alerts.',
    'board.alert.low_stock': 'Low stock: {{remaining}} left ({{threshold}}% or less)',
    'board.alert.sold_out': 'Sold out',
    'board.alert.risk_spike': 'Risk spike: {{threshold}} risk refusals in a second',
  },
  zh: {
    'board.title': 'FlashSale · 运营看板',
    'board.heading': '运营看板',
    'board.operatorId': '运营账号',
    'board.dashboard': 'Orleans 集群面板',
    'board.active': '进行中的活动',
    'board.none': '暂无进行中或即将开始的活动。',
    'board.alerts': '告警',
    'board.alertsHint': '以营销或管理员身份登录后接收告警。',
    'board.alert.low_stock': '库存告急：仅剩 {{remaining}}（不足 {{threshold}}%）',
    'board.alert.sold_out': '已抢光',
    'board.alert.risk_spike': '风控异常：一秒内拦截 {{threshold}} 次',
  },
};
