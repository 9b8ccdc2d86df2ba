import { accessKeyAction } from './access-key-action.js';

export default accessKeyAction({ id: 'iam-delete-access-key', title: "Delete the user's access keys", destructive: true, change: { to: 'deleted' } });
