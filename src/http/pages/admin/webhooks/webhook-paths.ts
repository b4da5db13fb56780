/** The addresses of "Webhooks" (issue 17), for the partnerbeheerder's own organisation. */
export const WEBHOOKS_PATH = '/beheer/webhooks';
export const NEW_WEBHOOK_PATH = `${WEBHOOKS_PATH}/nieuw`;

export const webhookPaths = (id: string) => ({
  enable: `${WEBHOOKS_PATH}/${id}/inschakelen`,
  disable: `${WEBHOOKS_PATH}/${id}/uitschakelen`,
  remove: `${WEBHOOKS_PATH}/${id}/verwijderen`,
});
