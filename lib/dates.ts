// Dates and times as the program shows them: Washington time, with its zone.
const TIME_ZONE = "America/New_York";

const timeOfDay = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, hour: "numeric", minute: "2-digit", timeZoneName: "short" });
const dateAndTime = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, dateStyle: "medium", timeStyle: "short" });

/** "2:45 PM EST" */
export function formatTimeOfDay(at: Date): string {
  return timeOfDay.format(at);
}

/** "Nov 30, 2026, 2:45 PM" (Washington time) */
export function formatDateTime(at: Date): string {
  return `${dateAndTime.format(at)} ET`;
}
