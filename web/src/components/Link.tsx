import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

/**
 * Mantine components wired to the router (the pattern from the TanStack Router docs), so links keep
 * client-side navigation and typed routes while looking like Mantine anchors, buttons and nav links.
 */
type AnchorBase = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'> & { ref?: Ref<HTMLAnchorElement> };

function MantineAnchor(props: AnchorProps & AnchorBase) {
  return <Anchor component="a" {...props} />;
}
function MantineButtonAnchor(props: ButtonProps & AnchorBase) {
  return <Button component="a" {...props} />;
}
function MantineNavLink(props: NavLinkProps & AnchorBase) {
  return <NavLink component="a" {...props} />;
}

const CreatedAnchor = createLink(MantineAnchor);
const CreatedButton = createLink(MantineButtonAnchor);
const CreatedNavLink = createLink(MantineNavLink);

export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => <CreatedAnchor {...props} />;
export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => <CreatedButton {...props} />;
export const NavLinkItem: LinkComponent<typeof MantineNavLink> = (props) => <CreatedNavLink {...props} />;
