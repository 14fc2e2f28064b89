/** The part of a Hono app the probe needs: it asks the app itself. */
type RequestsPages = { request: (url: string) => Response | Promise<Response> };

/**
 * Whether the app serves `path` as a page that asks "Var informationen till din hjälp?": asked of the app
 * itself, as an anonymous visitor would (a GET, from the page cache where it can be), so it can never
 * disagree with what the site shows. Page feedback is kept only for such pages.
 */
export function createFeedbackPageProbe(app: RequestsPages, baseUrl: string) {
  return async (path: string): Promise<boolean> => {
    const response = await app.request(new URL(path, baseUrl).href);
    if (response.status !== 200) {
      await response.body?.cancel();
      return false;
    }
    return (await response.text()).includes('id="aterkoppling"');
  };
}
