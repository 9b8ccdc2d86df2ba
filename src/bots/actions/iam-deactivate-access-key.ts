import { accessKeyAction } from './access-key-action.js';

export default accessKeyAction({
  id: 'iam-deactivate-access-key',
  title: "Deactivate the user's access keys",
  destructive: false,
  change: { to: 'Inactive' },
  selectable: true,
});
