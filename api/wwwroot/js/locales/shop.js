// The shop page's texts.
export default {
  en: {
  },
  zh: {
  },
};
