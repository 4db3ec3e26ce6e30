// The proof-of-work dialog's texts (challenge.js), for the pages that may be asked for one.
export default {
  en: {
    'challenge.title': 'One moment',
    'challenge.why': 'This claim needs a quick check that it comes from a person. Your device does a little work; there is nothing to do.',
    'challenge.label': 'Checking this device',
    'challenge.verifying': 'Checking…',
    'challenge.verified': 'Done',
    'challenge.closed': 'Not claimed: the check was cancelled.',
    'challenge.expired': 'The check took too long. Try again.',
    'challenge.failed': 'The check could not run on this device. Try again.',
  },
  zh: {
    'challenge.title': '请稍候',
    'challenge.why': '这次领取需要快速确认来自真人。你的设备会自动完成一点计算，无需任何操作。',
    'challenge.label': '正在确认设备',
    'challenge.verifying': '确认中…',
    'challenge.verified': '完成',
    'challenge.closed': '未领取：已取消确认。',
    'challenge.expired': '确认超时，请重试。',
    'challenge.failed': '此设备无法完成确认，请重试。',
  },
};
