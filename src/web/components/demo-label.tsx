import { useT } from '../i18n/context.ts';

/** Marks a row that the demo seed step generated, so nobody takes it for a fact. */
export function DemoLabel({ show }: { show: boolean }) {
  const t = useT();
  return show ? <span class="demo-label">{t.common.demo}</span> : null;
}
