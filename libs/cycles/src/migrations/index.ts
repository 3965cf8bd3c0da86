import { AwardCycles1795560200000 } from './1795560200000-award-cycles';
import { CertificateNumberFormat1795562840000 } from './1795562840000-certificate-number-format';
import { EligibilityReferenceDate1795562860000 } from './1795562860000-eligibility-reference-date';
import { DistrictCycleRegions1795562862000 } from './1795562862000-district-cycle-regions';
import { RecognitionValidity1795562900000 } from './1795562900000-recognition-validity';
import { OutlierThreshold1795562920000 } from './1795562920000-outlier-threshold';

/** The cycles table's schema, oldest first. apps/migrate assembles every lib's list. */
export const CYCLES_MIGRATIONS = [AwardCycles1795560200000, CertificateNumberFormat1795562840000, EligibilityReferenceDate1795562860000, DistrictCycleRegions1795562862000, RecognitionValidity1795562900000, OutlierThreshold1795562920000];
