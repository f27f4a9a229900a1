import { type ReactNode, useId } from 'react';

/** An AdminLTE-style card: a titled header (with optional tools on the right) and a body. */
export function Card(props: {
  title: string;
  tools?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  outline?: 'primary' | 'secondary' | 'danger' | 'warning' | 'success' | 'info';
  headingLevel?: 2 | 3;
  /**
   * false: the heading does not name the section (no region landmark), so a label search for a field does not
   * also find the section ("Catégorie" inside "Type et catégorie") — for the sections of one long form.
   */
  landmark?: boolean;
}) {
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const headingId = useId();
  return (
    <section
      aria-labelledby={props.landmark === false ? undefined : headingId}
      className={`card mb-4 ${props.outline ? `card-outline card-${props.outline}` : ''} ${props.className ?? ''}`}
    >
      <div className="card-header d-flex flex-wrap align-items-center gap-2">
        <Heading id={headingId} className="card-title fs-6 fw-semibold mb-0 me-auto">
          {props.title}
        </Heading>
        {props.tools}
      </div>
      <div className={props.bodyClassName ?? 'card-body'}>{props.children}</div>
    </section>
  );
}
