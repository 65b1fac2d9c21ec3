# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rule_quality_panel.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHeaderView, QLabel,
    QSizePolicy, QSplitter, QTableView, QVBoxLayout,
    QWidget)

from pyqtgraph import GraphicsLayoutWidget

class Ui_RuleQualityPanel(object):
    def setupUi(self, RuleQualityPanel):
        if not RuleQualityPanel.objectName():
            RuleQualityPanel.setObjectName(u"RuleQualityPanel")
        RuleQualityPanel.resize(1100, 560)
        self.layout = QVBoxLayout(RuleQualityPanel)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(2, 2, 2, 2)
        self.splitter = QSplitter(RuleQualityPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.graphics = GraphicsLayoutWidget(self.splitter)
        self.graphics.setObjectName(u"graphics")
        self.splitter.addWidget(self.graphics)
        self.tables = QSplitter(self.splitter)
        self.tables.setObjectName(u"tables")
        self.tables.setOrientation(Qt.Orientation.Vertical)
        self.tables.setChildrenCollapsible(False)
        self.rulesTable = QTableView(self.tables)
        self.rulesTable.setObjectName(u"rulesTable")
        self.rulesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rulesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rulesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rulesTable.setShowGrid(False)
        self.rulesTable.setSortingEnabled(True)
        self.tables.addWidget(self.rulesTable)
        self.rulesTable.horizontalHeader().setStretchLastSection(False)
        self.rulesTable.verticalHeader().setVisible(False)
        self.missesPane = QWidget(self.tables)
        self.missesPane.setObjectName(u"missesPane")
        self.missesLayout = QVBoxLayout(self.missesPane)
        self.missesLayout.setObjectName(u"missesLayout")
        self.missesLayout.setContentsMargins(0, 0, 0, 0)
        self.missesTitle = QLabel(self.missesPane)
        self.missesTitle.setObjectName(u"missesTitle")
        self.missesTitle.setWordWrap(True)

        self.missesLayout.addWidget(self.missesTitle)

        self.missesTable = QTableView(self.missesPane)
        self.missesTable.setObjectName(u"missesTable")
        self.missesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.missesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.missesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.missesTable.setShowGrid(False)
        self.missesTable.horizontalHeader().setStretchLastSection(True)
        self.missesTable.verticalHeader().setVisible(False)

        self.missesLayout.addWidget(self.missesTable)

        self.tables.addWidget(self.missesPane)
        self.splitter.addWidget(self.tables)

        self.layout.addWidget(self.splitter)


        self.retranslateUi(RuleQualityPanel)

        QMetaObject.connectSlotsByName(RuleQualityPanel)
    # setupUi

    def retranslateUi(self, RuleQualityPanel):
#if QT_CONFIG(accessibility)
        RuleQualityPanel.setAccessibleName(QCoreApplication.translate("RuleQualityPanel", u"Rule quality", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.graphics.setAccessibleName(QCoreApplication.translate("RuleQualityPanel", u"Acceptance rate per rule", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.rulesTable.setAccessibleName(QCoreApplication.translate("RuleQualityPanel", u"Rules", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.rulesTable.setToolTip(QCoreApplication.translate("RuleQualityPanel", u"Select a rule to list the suggestions curators corrected or rejected", None))
#endif // QT_CONFIG(tooltip)
        self.missesTitle.setText(QCoreApplication.translate("RuleQualityPanel", u"Select a rule to see where curators corrected or rejected it.", None))
#if QT_CONFIG(accessibility)
        self.missesTable.setAccessibleName(QCoreApplication.translate("RuleQualityPanel", u"Corrected and rejected suggestions of the rule", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.missesTable.setToolTip(QCoreApplication.translate("RuleQualityPanel", u"Enter or double-click opens the document at that field, with the rule's span selected", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

