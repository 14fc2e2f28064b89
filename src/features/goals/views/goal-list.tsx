import type { GoalWithCount } from '../goals.queries.ts';

/** The goals as the source page lists them, completing "Målet med samarbetet är att det ska …". */
export function GoalList({ goals }: { goals: Pick<GoalWithCount, 'slug' | 'statement'>[] }) {
  return (
    <ul class="goals">
      {goals.map((goal, index) => (
        <li id={`mal-${goal.slug}`}>
          {goal.statement}
          {index === goals.length - 1 ? '.' : ''}
        </li>
      ))}
    </ul>
  );
}
