/** Helpers for state tests that need reviews in the store, made as the app makes them. */
import type { Rating } from '../../src/core/scheduler.ts';
import { ReviewSession } from '../../src/state/review-session.svelte.ts';
import type { StudyContext } from '../../src/state/study-context.ts';

/** Answers every card a session over all decks shows, with `rating`, until it is done or waits. */
export async function reviewEverything(context: StudyContext, rating: Rating = 3): Promise<void> {
  const session = new ReviewSession(context, null);
  await session.start();
  while (session.status === 'question') {
    session.reveal();
    await session.rate(rating);
  }
  session.dispose();
}
