package io.unveil.research.train.parsing;

import io.unveil.core.testing.ModelCards;
import org.junit.jupiter.api.Test;

/** The committed parsing net is in the project's weight format, with a model card beside it naming its bytes. */
class ParsingNetCardTest {
    @Test
    void theCommittedFileIsInTheFormatAndItsCardStatesItsSha256AndSize() throws Exception {
        ModelCards.assertDescribedByItsCard(ParsingNet.RESOURCE);
    }
}
