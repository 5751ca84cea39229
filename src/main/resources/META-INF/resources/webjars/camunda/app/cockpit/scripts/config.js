// Aftercare's configuration of Camunda's Cockpit (the webjar's own config.js documents every option).
export default {
  // Chinese (zh.json, Aftercare's own translation) and English; the browser's language chooses,
  // or the user with the 中文 | EN switch in the header (../aftercare/language.js)
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  customScripts: [
    '../aftercare/language'
  ]
};
