/** OIDC sign-in (src/features/auth/oidc). */
export const oidcText = {
  refusedTitle: 'Inloggningen misslyckades',
  refusedBody: 'Inloggningen kunde inte slutföras. Försök igen.',
  unavailableTitle: 'Inloggningen fungerar inte just nu',
  unavailableBody: (provider: string) =>
    `Vi får inte kontakt med ${provider} just nu. Försök igen om en stund, eller logga in med en länk i e-post.`,
  backToSignIn: 'Till inloggningen',
};
