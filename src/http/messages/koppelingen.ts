/** "Koppelingen" (issue 17 item 6): the API tokens and webhooks of an organisation on one page. */
export const koppelingen = {
  title: 'Koppelingen',
  adminEntry: (organisation: string) => `De API-sleutels waarmee de software van ${organisation} de API gebruikt, en de webhooks die haar melden wanneer een attest of lijn verandert.`,
};
