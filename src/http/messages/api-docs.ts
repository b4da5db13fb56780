/** Partner API v1 (issue 17): the page /api/docs that shows the API's description to people. */
export const apiDocs = {
  title: 'API-documentatie',
  caption: 'Loopbaanportaal API',
};
