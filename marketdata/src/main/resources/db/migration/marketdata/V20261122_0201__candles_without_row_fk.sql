-- The foreign key from candles to instruments ran one referential-integrity check per inserted row, which
-- tripled the cost of a bulk import (measured: 1M rows server-side, 8.4 s with the key vs 2.9 s without).
-- Imports check the instrument once per file instead, and instruments are never deleted.
ALTER TABLE marketdata.candles DROP CONSTRAINT IF EXISTS candles_instrument_id_fkey;
