/** The demo registers every element, as the one-tag CDN bundle does. */
import '../src/define/trust-badge.js';
import '../src/define/control-status.js';
import '../src/define/subprocessor-list.js';
import '../src/define/trust-center.js';
