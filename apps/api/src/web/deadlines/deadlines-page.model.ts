import { Action, roleMay } from '@app/domain';
import { formatDate } from '@app/reporting';
import type { CycleCompletionDto } from '../../deadlines/dto/deadline.dto';
import type { CycleDto, StudyDto } from '../../studies/dto/study.dto';
import { FormRefusal, formErrorsOf } from '../cycles/form-refusal.util';
import { pagePaths } from '../page-urls';
import { fill } from '../views/localized';
import type { PageContext } from '../views/page-context';

/** What the completion page shows. */
export interface DeadlinesPageData {
  cycle: CycleDto;
  study: StudyDto;
  completion: CycleCompletionDto;
  /** The id the reminder forms of this rendering send, so that a form sent twice reminds once. */
  requestId: string;
}

/** A form of the page that comes back refused, with what was typed. */
export interface DeadlinesPageForm {
  form: 'deadline' | 'reminder';
  submissionDeadline?: string;
  reminderOffsets?: string;
  refusal: FormRefusal;
}

/** The date part of a deadline for the date input: the deadline's day in UTC. */
function dateInputValue(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 10);
}

/** The model of `deadlines/completion.hbs`. */
export function deadlinesPageModel(
  data: DeadlinesPageData,
  page: PageContext,
  options: { form?: DeadlinesPageForm; notice?: string } = {},
) {
  const t = page.texts.deadlines;
  const { cycle, completion } = data;
  const role = page.user?.role;
  const open = cycle.state === 'open';
  const offsetText = (offset: number | null): string =>
    offset === null
      ? t.byHand
      : fill(offset < 0 ? t.offsetBefore : t.offsetAfter, { days: String(Math.abs(offset)) });
  const waiting = (state: string) =>
    state === 'not_started' || state === 'draft' || state === 'returned';
  const refusal = options.form?.refusal ?? null;
  const mayRemind = open && role !== undefined && roleMay(role, Action.ReminderSend);
  return {
    title: fill(t.title, { year: String(cycle.year) }),
    studyName: data.study.name,
    cycleHref: pagePaths.cycle(cycle.id),
    backLabel: fill(t.backToCycle, { year: String(cycle.year) }),
    notice: options.notice ?? null,
    errors: formErrorsOf(
      refusal,
      options.form?.form === 'deadline'
        ? refusal?.problems[0]?.key === 'reminderOffsets'
          ? 'reminder-offsets'
          : 'submission-deadline'
        : null,
    ),
    deadline:
      completion.submissionDeadline === null
        ? null
        : fill(t.deadlineIs, {
            deadline: formatDate(new Date(completion.submissionDeadline), page.language),
          }),
    offsets: fill(t.offsetsAre, { offsets: completion.reminderOffsets.join(', ') }),
    deadlineForm:
      open && role !== undefined && roleMay(role, Action.CycleUpdate)
        ? {
            action: pagePaths.cycleDeadline(cycle.id),
            submissionDeadline:
              options.form?.submissionDeadline ?? dateInputValue(completion.submissionDeadline),
            reminderOffsets: options.form?.reminderOffsets ?? completion.reminderOffsets.join(', '),
          }
        : null,
    counts: (['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const).map(
      (state) => ({ state, count: completion.counts[state] ?? 0 }),
    ),
    mayRemind,
    remindAction: pagePaths.cycleReminders(cycle.id),
    requestId: data.requestId,
    units: completion.units.map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      companyName: unit.companyName,
      state: unit.state,
      notStarted: unit.state === 'not_started',
      submissionHref: pagePaths.submission(cycle.id, unit.unitId),
      lastReminderAt: unit.lastReminderAt,
      lastReminder: unit.lastReminderAt === null ? null : offsetText(unit.lastReminderOffset),
      remindColumn: mayRemind,
      remindForm:
        mayRemind && waiting(unit.state)
          ? { action: pagePaths.cycleReminders(cycle.id), requestId: data.requestId }
          : null,
    })),
  };
}
