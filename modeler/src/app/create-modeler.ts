/**
 * The bpmn-js Modeler as Shenpi configures it: the approval moddle extension (the same descriptor file the
 * server parses with), the properties panel with the approval groups, the engine-only palette and rules,
 * live validation and the zh-CN translations.
 */
import Modeler from 'bpmn-js/lib/Modeler.js';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import approvalDescriptor from '../../../definitions/approval-moddle.json' with { type: 'json' };
import { EngineOnlyModule } from '../customization/engine-only.js';
import { createTranslate } from '../i18n/translate.js';
import { ApprovalPropertiesModule } from '../properties/approval-provider.js';
import { LiveValidationModule } from '../validation/live-validation.js';

/** The font family of diagram labels: WenQuanYi Micro Hei, then common Chinese system fonts. */
export const CHINESE_FONT = '"WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

/** Where the modeler renders. */
export interface ModelerMount {
  canvas: HTMLElement;
  properties: HTMLElement;
  /** `zh-CN` (default) or `en`. */
  locale?: string;
}

/** Creates the modeler. Import a diagram with `importXML` afterwards. */
export function createModeler(mount: ModelerMount): Modeler {
  return new Modeler({
    container: mount.canvas,
    propertiesPanel: { parent: mount.properties },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      ApprovalPropertiesModule,
      EngineOnlyModule,
      LiveValidationModule,
      { translate: ['value', createTranslate(mount.locale)] },
    ],
    moddleExtensions: { approval: approvalDescriptor },
    // Labels on the diagram in the page's Chinese font (the SVG export carries the same family name).
    textRenderer: { defaultStyle: { fontFamily: CHINESE_FONT }, externalStyle: { fontFamily: CHINESE_FONT } },
  });
}
