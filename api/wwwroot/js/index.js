// The front page: where each role works, in the reader's language.
import { useLanguage } from './i18n.js';

await useLanguage({
  en: {
    'index.shop': 'Drops with countdowns, claims and paid orders; your wallet to use, give away or check out with; points and alerts.',
    'index.board': "Every active campaign's stock, claim rate, refusals and alerts, live; the cluster's silos and API nodes.",
    'index.marketing': 'Create, schedule and edit campaigns with every rule, and watch their results.',
    'index.admin': "Blocks, risk decisions, a coupon's history, payment channels and reconciliation.",
    'index.till': "A merchant's till: take the coupon a shopper shows, cancel an order.",
    'index.api': 'API reference',
    'index.apiText': 'Every endpoint, with its refusal codes.',
  },
  zh: {
    'index.shop': '限时抢券与付费抢购：倒计时、领取、订单；卡包里用券、转赠、结算；积分与提醒。',
    'index.board': '所有进行中活动的库存、领取速度、拒绝原因与告警，实时更新；集群的 Silo 与 API 节点。',
    'index.marketing': '创建、排期和编辑活动，设置全部规则，查看活动效果。',
    'index.admin': '封禁、风控决策、单张券的流水、支付渠道与对账。',
    'index.till': '商户收银台：核销顾客出示的优惠券，撤销订单。',
    'index.api': 'API 文档',
    'index.apiText': '所有接口及其拒绝码。',
  },
});
