import type { Localized } from '../views/localized';

/** One error page: a heading and what the person can do about it. */
export interface ErrorPageTexts {
  title: string;
  text: string;
}

/** The words of the error pages. */
export interface ErrorTexts {
  notFound: ErrorPageTexts;
  forbidden: ErrorPageTexts;
  formExpired: ErrorPageTexts;
  badRequest: ErrorPageTexts;
  conflict: ErrorPageTexts;
  tooManyRequests: ErrorPageTexts;
  serverError: ErrorPageTexts;
  serviceUnavailable: ErrorPageTexts;
  errorId: string;
  back: string;
  toOverview: string;
  details: string;
}

export const ERROR_TEXTS: Localized<ErrorTexts> = {
  de: {
    notFound: {
      title: 'Seite nicht gefunden',
      text: 'Diese Seite gibt es nicht, oder Sie haben keinen Zugriff darauf. Prüfen Sie die Adresse oder gehen Sie zur Übersicht.',
    },
    forbidden: {
      title: 'Kein Zugriff',
      text: 'Ihre Rolle erlaubt diese Seite oder Aktion nicht. Wenden Sie sich an die Administration Ihrer Organisation, wenn Sie sie brauchen.',
    },
    formExpired: {
      title: 'Das Formular ist abgelaufen',
      text: 'Das Formular wurde nicht gespeichert: Es ist abgelaufen oder stammt nicht von dieser Seite. Gehen Sie zurück, laden Sie die Seite neu und senden Sie es erneut.',
    },
    badRequest: {
      title: 'Anfrage nicht verstanden',
      text: 'Die Anfrage war unvollständig oder fehlerhaft. Gehen Sie zurück und versuchen Sie es erneut.',
    },
    conflict: {
      title: 'Das ging nicht',
      text: 'Die Aktion war im aktuellen Zustand nicht möglich.',
    },
    tooManyRequests: {
      title: 'Zu viele Anfragen',
      text: 'Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
    },
    serverError: {
      title: 'Ein Fehler ist aufgetreten',
      text: 'Das hätte nicht passieren dürfen. Versuchen Sie es später erneut; wenn der Fehler bleibt, nennen Sie dem Support die Fehlernummer.',
    },
    serviceUnavailable: {
      title: 'Vorübergehend nicht verfügbar',
      text: 'Ein Dienst, den diese Seite braucht, ist gerade nicht erreichbar. Ihre Daten sind sicher; versuchen Sie es in einer Minute erneut.',
    },
    errorId: 'Fehlernummer',
    back: 'Zurück',
    toOverview: 'Zur Übersicht',
    details: 'Einzelheiten',
  },
  en: {
    notFound: {
      title: 'Page not found',
      text: 'This page does not exist, or you have no access to it. Check the address or go to the overview.',
    },
    forbidden: {
      title: 'No access',
      text: 'Your role does not allow this page or action. Ask the administrator of your organisation if you need it.',
    },
    formExpired: {
      title: 'The form has expired',
      text: 'The form was not saved: it has expired or was not sent from this site. Go back, reload the page and send it again.',
    },
    badRequest: {
      title: 'Request not understood',
      text: 'The request was incomplete or malformed. Go back and try again.',
    },
    conflict: {
      title: 'That did not work',
      text: 'The action is not possible in the current state.',
    },
    tooManyRequests: {
      title: 'Too many requests',
      text: 'Please wait a minute and try again.',
    },
    serverError: {
      title: 'Something went wrong',
      text: 'This should not have happened. Try again later; if the error persists, quote the error id to support.',
    },
    serviceUnavailable: {
      title: 'Temporarily unavailable',
      text: 'A service this page needs cannot be reached at the moment. Your data are safe; try again in a minute.',
    },
    errorId: 'Error id',
    back: 'Back',
    toOverview: 'To the overview',
    details: 'Details',
  },
};
