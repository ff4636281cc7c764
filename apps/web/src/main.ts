import './styles.css';
import { startApp } from './shell/app-shell';

const root = document.querySelector<HTMLElement>('#app');
if (root) void startApp(root, __LAUFWEG_VERSION__);
