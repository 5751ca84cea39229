// Aftercare's configuration of Camunda's Tasklist (the webjar's own config.js documents every option).
export default {
  // Chinese (zh.json, Aftercare's own translation) and English; the browser's language chooses,
  // or the user with the 中文 | EN switch in the header (../aftercare/language.js)
  locales: {
    availableLocales: ['en', 'zh'],
    fallbackLocale: 'en'
  },
  customScripts: [
    '../aftercare/language',
    // the lists sorted by due date unless the user sorts otherwise; the case beside the task
    'aftercare/tasklist'
  ],
  // Camunda's keyboard shortcuts, as the webjar's own configuration sets them
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
