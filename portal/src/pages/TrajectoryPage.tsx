import { useLingui } from '@lingui/react/macro';
import { portalApi, type Trajectory } from '../api';
import { ErrorAlert, Loading, useErrorText } from '../components/Alert';
import { Icon } from '../components/Icon';
import { Page, Section } from '../components/Page';
import { formatDate, todayInBrussels } from '../format';
import type { Locale } from '../i18n';
import { DOSSIER_STATUS, PILLAR_ORDER, PILLAR_STATES, PILLARS, TEAM_ROLES, pillarDetail, stepLabel } from '../labels';
import { Link, pathOf } from '../router';
import { useResource } from '../useResource';

/** "My trajectory": where I stand in the four pillars, what to do next and by when, and my team. */
export function TrajectoryPage({ locale, givenName }: { locale: Locale; givenName: string }) {
  const { t } = useLingui();
  const errorText = useErrorText();
  const trajectory = useResource((signal) => portalApi.trajectory(signal));

  return (
    <Page title={t`Mijn traject`} icon="route" intro={givenName ? <p>{t`Hallo ${givenName}.`}</p> : null}>
      {trajectory.state === 'error' ? <ErrorAlert onRetry={trajectory.reload}>{errorText(trajectory.error)}</ErrorAlert> : null}
      {trajectory.data ? <TrajectoryView data={trajectory.data} locale={locale} /> : trajectory.state === 'loading' ? <Loading /> : null}
    </Page>
  );
}

function TrajectoryView({ data, locale }: { data: Trajectory; locale: Locale }) {
  const { t } = useLingui();
  const today = todayInBrussels();

  if (data.status === null) {
    return (
      <div className="card">
        <p>{t`Je hebt nog geen traject. Je begeleider neemt contact met je op.`}</p>
      </div>
    );
  }

  const statusText = DOSSIER_STATUS[data.status] ?? null;
  const steps = [...data.nextSteps].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  // Pillars in the usual order; a state the portal does not know (contract drift) leaves the pillar out.
  const pillars = PILLAR_ORDER.flatMap((id) => data.pillars.filter((p) => p.pillar === id && p.state in PILLAR_STATES));

  return (
    <>
      <div className="card status-card">
        {statusText ? <p className="lead">{t(statusText)}</p> : null}
        {data.contractSignedOn ? <p>{t`Je hebt je contract ondertekend op ${formatDate(locale, data.contractSignedOn, false)}.`}</p> : null}
      </div>

      <Section id="next-steps" title={t`Wat moet je nu doen?`} icon="flag">
        {steps.length === 0 ? (
          <p>{t`Je moet nu niets doen.`}</p>
        ) : (
          <ol className="step-list">
            {steps.map((step, index) => {
              const label = stepLabel(step.code, step.pillar);
              const late = !label.event && step.dueDate !== null && step.dueDate < today;
              return (
                <li key={`${step.code}-${index}`} className={late ? 'step step-late' : 'step'}>
                  <p className="step-text">{t(label.text)}</p>
                  {label.pillarName ? <p className="tag">{t(label.pillarName)}</p> : null}
                  {step.dueDate ? (
                    <p className={late ? 'due due-late' : 'due'}>
                      <Icon name={late ? 'alert' : label.event ? 'calendar' : 'clock'} size={20} />
                      <span>
                        {label.event
                          ? t`Datum: ${formatDate(locale, step.dueDate)}`
                          : late
                            ? t`Te laat: dit moest voor ${formatDate(locale, step.dueDate)}.`
                            : t`Doe dit voor ${formatDate(locale, step.dueDate)}.`}
                      </span>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        <p>
          <Link to={pathOf('tasks')}>{t`Bekijk ook je taken.`}</Link>
        </p>
      </Section>

      {pillars.length > 0 ? (
        <Section id="pillars" title={t`De vier delen van je traject`} icon="route">
          <ul className="pillar-list">
            {pillars.map((p) => {
              const pillar = PILLARS[p.pillar];
              const state = PILLAR_STATES[p.state];
              const detail = pillarDetail(p.detail);
              return (
                <li key={p.pillar} className="pillar">
                  <h3 className="pillar-name">
                    <Icon name={pillar.icon} />
                    <span>{t(pillar.name)}</span>
                  </h3>
                  <p className="muted small">{t(pillar.official)}</p>
                  <p className={`chip chip-${state.tone}`}>
                    <Icon name={state.icon} size={20} />
                    <span>{t(state.label)}</span>
                  </p>
                  {detail ? <p>{t(detail)}</p> : null}
                  {p.progress && p.progress.required > 0 ? (
                    <div className="progress">
                      <progress max={p.progress.required} value={Math.min(p.progress.done, p.progress.required)} aria-label={t(pillar.name)} />
                      <span>{t`Uren: ${p.progress.done} van ${p.progress.required}`}</span>
                    </div>
                  ) : null}
                  <p className="muted">{t(pillar.about)}</p>
                </li>
              );
            })}
          </ul>
        </Section>
      ) : null}

      <Section id="certificate" title={t`Wat heb je nog nodig voor je attest?`} icon="document">
        <p className="muted">{t`Met het attest van inburgering toon je dat je je traject hebt gedaan.`}</p>
        {data.missingForCertificate.length === 0 ? (
          <p>{t`Je hebt alles voor je attest.`}</p>
        ) : (
          <ul className="plain-list">
            {data.missingForCertificate.map((code) => {
              const label = stepLabel(code, null);
              return (
                <li key={code} className="with-icon">
                  <Icon name="todo" size={20} />
                  <span>
                    {t(label.text)}
                    {label.pillarName ? <span className="tag">{t(label.pillarName)}</span> : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="team" title={t`Mijn team`} icon="people">
        {data.team.length === 0 ? (
          <p>{t`Er is nog niemand aan je gekoppeld.`}</p>
        ) : (
          <>
            <p className="muted">{t`Heb je een vraag? Bel of mail je begeleider.`}</p>
            <ul className="team-list">
              {data.team.map((member, index) => (
                <li key={`${member.role}-${index}`} className="person">
                  <p className="person-role">{t(TEAM_ROLES[member.role] ?? TEAM_ROLES.other)}</p>
                  <p className="person-name">{member.name}</p>
                  <p className="muted">{member.organisation}</p>
                  <div className="contact-links">
                    {member.phone ? (
                      <a className="button button-secondary" href={`tel:${member.phone.replace(/[^\d+]/g, '')}`} aria-label={t`Bel ${member.name}: ${member.phone}`}>
                        <Icon name="phone" />
                        <bdi dir="ltr">{member.phone}</bdi>
                      </a>
                    ) : null}
                    {member.email ? (
                      <a className="button button-secondary" href={`mailto:${member.email}`} aria-label={t`Mail ${member.name}: ${member.email}`}>
                        <Icon name="mail" />
                        <bdi dir="ltr" className="break">
                          {member.email}
                        </bdi>
                      </a>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
