/** The study settings being edited: the form, its problems, saving, and the offer to reschedule after a change. */
import { schedulingChanged } from '../core/reschedule.ts';
import { parseDeckLimit, parseStudySettings, toForm, type StudySettingsForm } from '../core/settings.ts';
import type { Limits } from '../core/queue.ts';
import { rescheduleAll } from './reschedule.ts';
import { loadStudyContext, type StudyContext } from './study-context.ts';

export interface DeckLimitInput {
  newPerDay: string;
  reviewsPerDay: string;
}

type DeckLimitField = keyof DeckLimitInput;

export class SettingsEditor {
  form = $state<StudySettingsForm>() as StudySettingsForm;
  deckLimits = $state<Record<string, DeckLimitInput>>({});
  status = $state<'editing' | 'saving' | 'saved' | 'invalid'>('editing');
  /** Cards that could be rescheduled after the last save changed scheduling; null when there is nothing to offer. */
  rescheduleOffer = $state<number | null>(null);
  rescheduling = $state(false);
  rescheduled = $state<number | null>(null);

  readonly parsed = $derived(parseStudySettings(this.form));
  /** "deckId newPerDay" for each deck limit that is neither empty nor a valid number. */
  readonly deckProblems = $derived(
    new Set(
      Object.entries(this.deckLimits).flatMap(([deckId, input]) =>
        (['newPerDay', 'reviewsPerDay'] as const).filter((field) => parseDeckLimit(input[field]) === 'invalid').map((field) => `${deckId} ${field}`),
      ),
    ),
  );

  constructor(
    private context: StudyContext,
    private readonly onsaved: (context: StudyContext) => void,
  ) {
    this.form = toForm(context.scheduler.settings, context.limits);
    this.deckLimits = Object.fromEntries(
      Object.entries(context.deckLimits).map(([deckId, limits]) => [deckId, { newPerDay: String(limits.newPerDay ?? ''), reviewsPerDay: String(limits.reviewsPerDay ?? '') }]),
    );
  }

  deckLimit(deckId: string): DeckLimitInput {
    return this.deckLimits[deckId] ?? { newPerDay: '', reviewsPerDay: '' };
  }

  setDeckLimit(deckId: string, field: DeckLimitField, value: string): void {
    this.deckLimits = { ...this.deckLimits, [deckId]: { ...this.deckLimit(deckId), [field]: value } };
    this.edited();
  }

  edited(): void {
    if (this.status !== 'saving') this.status = 'editing';
  }

  async save(): Promise<void> {
    const parsed = this.parsed;
    if (!parsed.ok || this.deckProblems.size > 0) {
      this.status = 'invalid';
      return;
    }
    this.status = 'saving';
    const before = this.context.scheduler.settings;
    const { store, clock, changes } = this.context;
    await store.settings.putMany({ scheduler: parsed.scheduler, limits: parsed.limits, deckLimits: this.savedDeckLimits() });
    changes.announce('settings');
    this.context = await loadStudyContext(store, clock, changes);
    this.onsaved(this.context);
    this.status = 'saved';
    this.rescheduled = null;
    const studied = schedulingChanged(before, this.context.scheduler.settings) ? (await store.schedule.trackedCardIds(null)).length : 0;
    this.rescheduleOffer = studied > 0 ? studied : null;
  }

  async reschedule(): Promise<void> {
    this.rescheduling = true;
    try {
      this.rescheduled = await rescheduleAll(this.context.store, this.context.scheduler);
      this.rescheduleOffer = null;
    } finally {
      this.rescheduling = false;
    }
  }

  declineReschedule(): void {
    this.rescheduleOffer = null;
  }

  private savedDeckLimits(): Record<string, Partial<Limits>> {
    const saved: Record<string, Partial<Limits>> = {};
    for (const [deckId, input] of Object.entries(this.deckLimits)) {
      const limits: Partial<Limits> = {};
      for (const field of ['newPerDay', 'reviewsPerDay'] as const) {
        const value = parseDeckLimit(input[field]);
        if (typeof value === 'number') limits[field] = value;
      }
      if (Object.keys(limits).length > 0) saved[deckId] = limits;
    }
    return saved;
  }
}
