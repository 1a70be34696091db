// The top bar's menus, in order. Add a menu here; items come from actions whose `menu` is
// the menu id.

export interface MenuSpec {
  id: string;
  label: string;
}

export const MENUS: MenuSpec[] = [
  { id: 'file', label: 'File' },
  { id: 'edit', label: 'Edit' },
  { id: 'view', label: 'View' },
  { id: 'run', label: 'Run' },
  { id: 'story', label: 'Story' },
  { id: 'challenge', label: 'Challenge' },
  { id: 'help', label: 'Help' },
];
