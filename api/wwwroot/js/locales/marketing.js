// The marketing page's texts.
export default {
  en: {
  },
  zh: {
  },
};
