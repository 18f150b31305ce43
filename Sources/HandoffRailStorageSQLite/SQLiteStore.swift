import GRDB
import HandoffRailStorage
