import { accessKeyAction } from './access-key-action.js';

export default accessKeyAction({ id: 'iam-activate-access-key', title: "Activate the user's access keys", destructive: false, change: { to: 'Active' } });
