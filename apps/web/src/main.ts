import './styles.css';
import { renderHome } from './home';

const root = document.querySelector<HTMLElement>('#app');
if (root) renderHome(root, __LAUFWEG_VERSION__);
