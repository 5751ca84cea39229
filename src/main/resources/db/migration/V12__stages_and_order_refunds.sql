-- Issue 14: the reports take a step's stage from its diagram's extension property "stage", not
-- from its display name. Stored tasks get their step's stage; cases waiting in a step whose old
-- label differs from its stage are renamed likewise.
update report_task set stage = 'Case details' where process_key = 'adverseReactionReport' and task_key = 'Task_CaseDetails';
update report_task set stage = 'Assess' where process_key = 'adverseReactionReport' and task_key = 'Task_Assess';
update report_task set stage = 'Submit' where process_key = 'adverseReactionReport' and task_key = 'Task_Submit';
update report_task set stage = 'Review batch signal' where process_key = 'adverseReactionReport' and task_key = 'Task_ReviewSignal';
update report_task set stage = 'Follow up' where process_key = 'adverseReactionReport' and task_key = 'Task_FollowUpCustomer';
update report_task set stage = 'Submit follow-up' where process_key = 'adverseReactionReport' and task_key = 'Task_SubmitFollowUp';
update report_task set stage = 'Call' where process_key = 'callbackFollowUp' and task_key = 'Task_Call';
update report_task set stage = 'Review dissatisfaction' where process_key = 'callbackFollowUp' and task_key = 'Task_ReviewDissatisfaction';
update report_task set stage = 'Triage' where process_key = 'complaintHandling' and task_key = 'Task_Triage';
update report_task set stage = 'Resolve' where process_key = 'complaintHandling' and task_key = 'Task_Resolve';
update report_task set stage = 'Approve' where process_key = 'complaintHandling' and task_key = 'Task_ApproveResolution';
update report_task set stage = 'Answer enquiry' where process_key = 'generalEnquiry' and task_key = 'Task_AnswerEnquiry';
update report_task set stage = 'Review return' where process_key = 'returnExchange' and task_key = 'Task_Review';
update report_task set stage = 'Receive parcel' where process_key = 'returnExchange' and task_key = 'Task_ReceiveParcel';
update report_task set stage = 'Inspect' where process_key = 'returnExchange' and task_key = 'Task_Inspect';
update report_process set stage = 'Wait for the callback date' where stage = 'Callback date (working hours)';
update report_process set stage = 'Wait for the next slot' where stage = 'Next working day slot';
update report_process set stage = 'Review dissatisfaction' where stage = 'Review dissatisfaction on';
update report_process set stage = 'Submit follow-up' where stage = 'Submit follow-up of';

-- The approval decision counts an order's earlier refunds (Returns.refundsOfOrder).
create index return_request_order_idx on return_request (order_number);
