import { Injectable } from '@nestjs/common';

/** The experts currently reviewing an application (assigned or having scored), by user id. */
export type ReviewersOf = (applicationId: string) => Promise<string[]>;

/**
 * Who takes part in an application beyond this context's own parties. The review context knows an
 * application's reviewers and registers how to ask (it imports this lib, so this lib cannot import
 * it); the notifier asks here instead of reading review's tables. A worker whose notifier has no
 * reviewer source fails at boot, not silently at its first `reviewers` notification.
 */
@Injectable()
export class ApplicationParties {
  private reviewers?: ReviewersOf;

  registerReviewers(reviewersOf: ReviewersOf): void {
    if (this.reviewers && this.reviewers !== reviewersOf) throw new Error('the reviewers of applications are already registered');
    this.reviewers = reviewersOf;
  }

  reviewersOf(applicationId: string): Promise<string[]> {
    return this.registeredReviewers()(applicationId);
  }

  verify(): void {
    this.registeredReviewers();
  }

  private registeredReviewers(): ReviewersOf {
    if (!this.reviewers) throw new Error('no source of an application\'s reviewers is registered with ApplicationParties (the review context registers it)');
    return this.reviewers;
  }
}
