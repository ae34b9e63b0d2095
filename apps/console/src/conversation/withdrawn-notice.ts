const NOTICE: Record<string, string> = {
  protected: 'The customer made their account private',
  suspended: 'X suspended the customer’s account',
  deactivated: 'The customer deactivated their account',
};

/** Why a customer's profile and messages are gone (X compliance: protected, suspended or deactivated). */
export function withdrawnNotice(reason: string | null | undefined): string {
  return (reason && NOTICE[reason]) || 'The customer withdrew their account';
}
