/** The diagram a new item starts from: apply → accept (受理) → review (审核) → decide (批准) → end. */
export const STARTER_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:approval="http://shenpi.org/schema/approval/1.0"
  id="defs" targetNamespace="http://shenpi.org/items">
  <bpmn:process id="item" name="新事项" isExecutable="true">
    <bpmn:startEvent id="apply" name="申报" />
    <bpmn:userTask id="accept" name="受理" approval:department="行政服务中心" approval:role="窗口" approval:stage="accept" approval:timeLimit="1WD" />
    <bpmn:userTask id="review" name="审核" approval:department="市场监管局" approval:role="审核员" approval:stage="review" approval:timeLimit="5WD" />
    <bpmn:userTask id="decide" name="批准" approval:department="市场监管局" approval:role="局长" approval:stage="decide" approval:timeLimit="2WD" />
    <bpmn:endEvent id="done" name="办结" />
    <bpmn:sequenceFlow id="f1" sourceRef="apply" targetRef="accept" />
    <bpmn:sequenceFlow id="f2" sourceRef="accept" targetRef="review" />
    <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="decide" />
    <bpmn:sequenceFlow id="f4" sourceRef="decide" targetRef="done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="item">
      <bpmndi:BPMNShape id="apply_di" bpmnElement="apply"><dc:Bounds x="152" y="142" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="accept_di" bpmnElement="accept"><dc:Bounds x="240" y="120" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="390" y="120" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="decide_di" bpmnElement="decide"><dc:Bounds x="540" y="120" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="692" y="142" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="160" /><di:waypoint x="240" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="340" y="160" /><di:waypoint x="390" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f3_di" bpmnElement="f3"><di:waypoint x="490" y="160" /><di:waypoint x="540" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f4_di" bpmnElement="f4"><di:waypoint x="640" y="160" /><di:waypoint x="692" y="160" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
