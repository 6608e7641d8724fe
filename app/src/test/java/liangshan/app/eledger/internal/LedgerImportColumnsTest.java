package liangshan.app.eledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every import problem names a column; whole-record rejections name the column a user would correct. */
class LedgerImportColumnsTest {

    @ParameterizedTest
    @CsvSource({
        "rights, eledger.right.overlap, 起始日期",
        "rights, eledger.right.primary-exists, 起始日期",
        "rights, eledger.right.outlives-parent, 终止日期",
        "rights, eledger.right.before-parent, 起始日期",
        "rights, eledger.restriction.rank-taken, 顺位",
        "rights, eledger.right.not-found, 上级权利编号",
        "transfers, eledger.transfer.not-holder, 转出方编号",
        "transfers, eledger.transfer.outlives-right, 终止日期",
        "transfers, eledger.transfer.overlap, 起始日期",
        "transfers, eledger.transfer.pledge-no-consent, 原权利编号",
        "transfers, eledger.transfer.parent-flagged, 原权利编号",
        "rights, eledger.import.row-rejected, 权利编号",
    })
    void wholeRecordRejectionsNameTheColumnToCorrect(String kind, String code, String column) {
        assertThat(LedgerSheets.kind(kind).headerFor(LedgerImport.fieldOf(code)))
                .isEqualTo(column);
    }
}
