/** Every admin page a merchant reaches from the navigation and its pages' first links. */
export const ADMIN_PAGES = [
  "/app",
  "/app/plans",
  "/app/plans/new",
  "/app/subscriptions",
  "/app/protection",
  "/app/protection/new",
  "/app/protection/registrations",
  "/app/protection/partners",
  "/app/protection/partners/new",
  "/app/reminders",
  "/app/reminders/rules/new",
  "/app/reminders/email",
  "/app/settings",
  "/app/settings/emails",
  "/app/retention/what-if",
  "/app/plan",
];
