import { useT } from '../../../web/i18n/context.ts';

/** "Ta bort …?": what happens (gone from every page, kept in the history), and the button that does it. */
export function DeletePage(props: { name: string; action: string; version: number; backHref: string }) {
  const t = useT();
  return (
    <>
      <h1>{t.register.deleteTitle(props.name)}</h1>
      <p>{t.register.deleteBody}</p>
      <form method="post" action={props.action} class="button-row">
        <input type="hidden" name="version" value={String(props.version)} />
        <button type="submit" class="danger">
          {t.register.deleteConfirm}
        </button>
        <a href={props.backHref}>{t.register.cancel}</a>
      </form>
    </>
  );
}
