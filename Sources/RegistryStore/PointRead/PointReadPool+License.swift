import Licensing

extension PointReadPool {
    /// One license with its history and holder name, in one statement.
    func license(_ number: LicenseNumber) throws -> License? {
        try withConnection { connection in
            var assembler = LicenseWithHistoryQuery.Assembler(number: number)
            try connection.query(LicenseWithHistoryQuery.sql, [number.value]) { row in try assembler.add(row) }
            return assembler.license
        }
    }
}
