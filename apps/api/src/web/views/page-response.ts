import type { Response } from 'express';

/**
 * Sends a rendered page with a status other than 200: a form shown again with its errors
 * (422), a failed sign-in (401). Page GET handlers simply return the HTML instead.
 */
export function sendPage(response: Response, html: string, status: number): void {
  response.status(status).type('html').send(html);
}

/**
 * Answers a form with a redirect to the page that shows the result (303 See Other: the browser
 * follows with a GET, so reloading that page does not send the form again).
 */
export function seeOther(response: Response, location: string): void {
  response.redirect(303, location);
}
