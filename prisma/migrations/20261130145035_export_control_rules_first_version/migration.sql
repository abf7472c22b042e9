-- Hand-written: the determination's rules move from settings into the first
-- version of the export-control rules, with every country's groups as they are.
-- On a new database (no such settings yet) the seed writes version 1 instead.
INSERT INTO "ExportControlRulesVersion" ("id", "number", "effectiveFrom", "rules", "changes", "reason", "createdAt")
SELECT 'export-control-rules-1', 1, CURRENT_TIMESTAMP,
       jsonb_build_object('countryGroups', COALESCE(
         (SELECT jsonb_object_agg("countryCode", "groups")
            FROM (SELECT "countryCode", jsonb_agg("groupCode" ORDER BY "groupCode") AS "groups"
                    FROM "CountryGroupMembership" GROUP BY "countryCode") AS "byCountry"),
         '{}'::jsonb))
       || (SELECT jsonb_object_agg("key", "value") FROM "Setting" WHERE "key" IN (
            'licensing.controlledEccns', 'licensing.controlledEccnSuffixes', 'licensing.licenseRequiredCountryGroups',
            'licensing.exemptingCountryGroups', 'licensing.advancedChipTppThreshold', 'licensing.advancedChipDensityTppThreshold',
            'licensing.advancedChipPerformanceDensityThreshold', 'licensing.worldwideRuleCountryGroups',
            'licensing.worldwideRuleCountries', 'licensing.worldwideRulePartyRoles')),
       '[]'::jsonb, 'The rules as configured before they were versioned.', CURRENT_TIMESTAMP
 WHERE (SELECT count(*) FROM "Setting" WHERE "key" IN (
            'licensing.controlledEccns', 'licensing.controlledEccnSuffixes', 'licensing.licenseRequiredCountryGroups',
            'licensing.exemptingCountryGroups', 'licensing.advancedChipTppThreshold', 'licensing.advancedChipDensityTppThreshold',
            'licensing.advancedChipPerformanceDensityThreshold', 'licensing.worldwideRuleCountryGroups',
            'licensing.worldwideRuleCountries', 'licensing.worldwideRulePartyRoles')) = 10;

DELETE FROM "Setting" WHERE "key" IN (
  'licensing.controlledEccns', 'licensing.controlledEccnSuffixes', 'licensing.licenseRequiredCountryGroups',
  'licensing.exemptingCountryGroups', 'licensing.advancedChipTppThreshold', 'licensing.advancedChipDensityTppThreshold',
  'licensing.advancedChipPerformanceDensityThreshold', 'licensing.worldwideRuleCountryGroups',
  'licensing.worldwideRuleCountries', 'licensing.worldwideRulePartyRoles');
