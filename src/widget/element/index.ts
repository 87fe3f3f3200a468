// The widget bundle's entry (src/widget/build.ts): defines <officials-graph> once, however many
// times the script is included.
import { WIDGET_TAG } from '../protocol';
import { OfficialsGraphElement } from './element';

if (!customElements.get(WIDGET_TAG)) customElements.define(WIDGET_TAG, OfficialsGraphElement);
