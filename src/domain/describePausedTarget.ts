// What the people who manage a chat or channel are told when alerts cannot be posted there (the bot lacks the
// permission): plain text, in the subscription's language; each channel adds its own markup.

export interface PausedNotice {
  target: string;
  language: 'zh-HK' | 'en';
  /** The platform's refusal, e.g. "telegram 400: Bad Request: not enough rights to send text messages". */
  reason: string;
  /** Where the alerts should go, as people know it (a chat or channel title), when the platform told us. */
  place?: string | null;
  /** When delivery is tried again, already in the reader's zone: "2024-12-24 10:00 (Asia/Hong_Kong)". */
  retryAt: string;
  /** How often it is tried after that while the permission is missing. */
  retryEveryMinutes: number;
}

export function describePausedTarget(notice: PausedNotice): string {
  const place = notice.place ?? notice.target;
  return notice.language === 'en'
    ? `policywatch cannot post its alerts in “${place}”: ${notice.reason}. Please let the bot send messages there. ` +
        `Nothing is lost: the alerts wait and are tried again at ${notice.retryAt}, and every ${notice.retryEveryMinutes} minutes after that.`
    : `policywatch 未能在「${place}」發送提示：${notice.reason}。請容許機械人在該處發送訊息。` +
        `提示不會遺失：將於 ${notice.retryAt} 再試，之後每 ${notice.retryEveryMinutes} 分鐘重試一次。`;
}
