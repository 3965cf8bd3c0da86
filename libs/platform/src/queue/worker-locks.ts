/**
 * Job locks for processors whose jobs are short: a live worker renews its lock every
 * lockDuration/2, so only a worker that died (killed, its machine gone) lets one lapse, and its
 * jobs are taken up by another worker within about 10-15 s instead of BullMQ's default 30-90 s.
 * With N worker processes one dying is routine, and what it held must not wait a minute and more.
 */
export const SHORT_JOB_LOCKS = { lockDuration: 10_000, stalledInterval: 5_000 } as const;
