// The board page's texts.
export default {
  en: {
  },
  zh: {
  },
};
