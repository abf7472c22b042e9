-- Hand-written: the stage column now records the last stage EXIM decided. Before
-- this change every request defaulted to "letter of interest"; approvals were
-- final commitments, and nothing else had been decided.
UPDATE "FinancingRequest"
   SET "stage" = CASE WHEN "status" = 'APPROVED' THEN 'FINAL_COMMITMENT'::"FinancingStage" ELSE NULL END;
UPDATE "FinancingDecision" SET "stage" = 'FINAL_COMMITMENT' WHERE "outcome" = 'APPROVED' AND "stage" IS NULL;
