/** The built-in English acknowledgement, used when the brand has no template for the language nor `en`. */
export const DEFAULT_OOH_ACK_TEMPLATE =
  'Hi {customer_name}, thanks for reaching out! Our team is away right now and will be back on {back_at}. We have your message and will reply then.';
/** The built-in status tweet, used when the brand's template is empty. */
export const DEFAULT_WAIT_STATUS_TEMPLATE =
  'Update {time}: our care team is busy, so replies currently take {wait}. Thanks for your patience, we answer every message in turn.';
export const DEFAULT_WAIT_STATUS_TIMEZONE = 'UTC';
