import { t } from '../i18n/sv.ts';

/** Marks a row that the demo seed step generated, so nobody takes it for a fact. */
export function DemoLabel({ show }: { show: boolean }) {
  return show ? <span class="demo-label">{t.common.demo}</span> : null;
}
