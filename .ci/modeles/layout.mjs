// Adds a diagram (BPMNDI) to the BPMN files that have none, so Camunda Modeler
// draws them. Files that already carry DI are left untouched (an analyst's layout
// is never overwritten). Usage: node layout.mjs ../../bpmn/*.bpmn
import { layoutProcess } from 'bpmn-auto-layout';
import fs from 'fs';

for (const file of process.argv.slice(2)) {
  const xml = fs.readFileSync(file, 'utf8');
  if (xml.includes('BPMNDiagram')) {
    console.log(`${file}: DI déjà présent, inchangé`);
    continue;
  }
  fs.writeFileSync(file, await layoutProcess(xml));
  console.log(`${file}: DI généré`);
}
